/** The gateway's one CardReadTracker, polling through the CardWizard client. */
import type { Logger } from '../../logger';
import type { CardReadSettings } from './cardReadSettings';
import { CardReadTracker } from './cardReadTracker';
import type { CardWizardClient } from './client';

export function createCardReadTracker(client: CardWizardClient, settings: CardReadSettings, logger: Logger): CardReadTracker {
  return new CardReadTracker({
    poll: (key) => client.cardRequest(key),
    pollIntervalMs: settings.pollIntervalMs,
    deadlineMs: settings.deadlineMs,
    logger: logger.child({ vendor: 'cardwizard', part: 'cardReadTracker' }),
  });
}
