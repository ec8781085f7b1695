/** One entry of a `select` list. */
export interface Choice<T> {
  value: T;
  name: string;
  short?: string;
  description?: string;
  disabled?: boolean | string;
}

/**
 * The prompts of `bote estimate -i`, behind a small interface so that the
 * loop can run against a scripted fake. Only this file (loaded lazily) knows
 * @inquirer/prompts; it renders on stderr so that stdout stays clean.
 */
export interface Prompter {
  select<T>(message: string, choices: Array<Choice<T>>): Promise<T>;
  /** A filtered list: `source` gives the choices for what is typed. Escape goes back. */
  search(message: string, source: (term: string | undefined) => Array<Choice<string>>): Promise<string>;
  /** A line of text, checked on Enter; `hint` annotates it as it is typed. Escape goes back. */
  input(
    message: string,
    options: { default?: string; validate?: (text: string) => true | string; hint?: (text: string) => string },
  ): Promise<string>;
  /** Yes or no. Escape goes back. */
  confirm(message: string, fallback: boolean): Promise<boolean>;
}

/** Ctrl-C: leave the loop. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** Escape in a question: back to the menu, nothing done. */
export class Back extends Error {
  constructor() {
    super('back');
    this.name = 'Back';
  }
}

export async function inquirerPrompter(input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<Prompter> {
  const { select, search, input: line, confirm } = await import('@inquirer/prompts');
  /** Runs one prompt; Escape aborts it (Back) where `escapable`, Ctrl-C ends the loop (Interrupted). */
  const ask = async <T>(
    escapable: boolean,
    run: (context: { input: NodeJS.ReadStream; output: NodeJS.WriteStream; signal?: AbortSignal }) => Promise<T>,
  ): Promise<T> => {
    const abort = new AbortController();
    const onKey = (_: string | undefined, key: { name?: string } | undefined) => {
      if (key?.name === 'escape') abort.abort();
    };
    // readline emits `keypress` on the input while a prompt reads it.
    if (escapable) (input as NodeJS.EventEmitter).on('keypress', onKey);
    try {
      return await run({ input, output, ...(escapable ? { signal: abort.signal } : {}) });
    } catch (e) {
      // By name, as @inquirer/prompts advises: the classes differ between its copies.
      const name = (e as Error)?.name;
      if (name === 'ExitPromptError') throw new Interrupted();
      if (name === 'AbortPromptError') throw new Back();
      throw e;
    } finally {
      (input as NodeJS.EventEmitter).off('keypress', onKey);
    }
  };
  return {
    select: (message, choices) => ask(false, (context) => select({ message, choices, pageSize: 10 }, context)),
    search: (message, source) =>
      ask(true, (context) => search({ message, source: (term) => source(term), pageSize: 12 }, context)),
    input: (message, options) =>
      ask(true, (context) =>
        line(
          {
            message,
            ...(options.default !== undefined ? { default: options.default } : {}),
            ...(options.validate ? { validate: options.validate } : {}),
            ...(options.hint
              ? {
                  transformer: (text: string, { isFinal }: { isFinal: boolean }) =>
                    isFinal || !text ? text : `${text}${options.hint!(text)}`,
                }
              : {}),
          },
          context,
        ),
      ),
    confirm: (message, fallback) => ask(true, (context) => confirm({ message, default: fallback }, context)),
  };
}
