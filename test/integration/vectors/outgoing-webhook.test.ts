import { describeServerVectors } from './describe-server-vectors';

describeServerVectors(['outgoing-webhook']);
