import { DateScalar } from '../scalars/Date';
import { DateTimeScalar } from '../scalars/DateTime';
import { JSONScalar } from '../scalars/JSON';

export const scalarResolvers = { DateTime: DateTimeScalar, Date: DateScalar, JSON: JSONScalar };
