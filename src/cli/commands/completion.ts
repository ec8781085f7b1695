// Placeholder while this command is being written; replaced, not shipped.
import { CliError, type Io } from '../io.js';

export function completionCommand(_io: Io, _shell: string, _program: unknown): never {
  throw new CliError('not available yet', 2);
}
