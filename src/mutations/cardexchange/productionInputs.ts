/**
 * UpdateProductionInput. Productions are never created or deleted through the API. A print takes
 * at least one try; the chip serial number, when sent, must say something.
 */
import type { InputSpec } from './inputSpec';

export const updateProductionInput: InputSpec = {
  fields: [
    { input: 'nameOnCard', vendor: 'nameOnCard', kind: 'text', clearable: true },
    { input: 'chipSerialNumber', vendor: 'chipserialNumber', kind: 'text', notBlank: true },
    { input: 'userName', vendor: 'userName', kind: 'text', clearable: true },
    { input: 'printedOn', vendor: 'printedOn', kind: 'date', clearable: true },
    { input: 'numberOfTries', vendor: 'numberOfTries', kind: 'count', min: 1 },
  ],
};
