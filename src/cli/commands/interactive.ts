// Placeholder while this command is being written; replaced, not shipped.
import { CliError, type Io } from '../io.js';

export async function interactive(_io: Io, _ref: string, _flags: unknown): Promise<never> {
  throw new CliError('not available yet', 2);
}
