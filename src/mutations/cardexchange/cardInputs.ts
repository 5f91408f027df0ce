/** CreateCardInput and UpdateCardInput: a client chooses only the cardholder, the status and metadata. */
import type { InputSpec } from './inputSpec';

export const createCardInput: InputSpec = {
  fields: [
    { input: 'cardholderId', vendor: 'cardholder', kind: 'guid', required: true },
    { input: 'metadata', vendor: 'metadata', kind: 'metadata', clearable: true },
  ],
};

export const updateCardInput: InputSpec = {
  fields: [
    { input: 'status', vendor: 'status', kind: 'enum' },
    { input: 'metadata', vendor: 'metadata', kind: 'metadata', clearable: true },
  ],
};
