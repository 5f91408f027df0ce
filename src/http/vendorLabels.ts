import type { VendorName } from '../config';

/** How vendors are named in messages meant for people. */
export const VENDOR_LABELS: Record<VendorName, string> = {
  cardexchange: 'CardExchange',
  aktion: 'Aktion',
  cardwizard: 'CardWizard',
  blusky: 'BluSKY',
};
