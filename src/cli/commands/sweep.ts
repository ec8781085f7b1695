// Placeholder while this command is being written; replaced, not shipped.
import { CliError, type Io } from '../io.js';

export function sweepCommand(_io: Io, _ref: string, _flags: unknown): never {
  throw new CliError('not available yet', 2);
}
