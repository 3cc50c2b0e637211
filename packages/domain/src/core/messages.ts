/**
 * Commands are imperative (`AddMember`), events past tense (`MemberAdded`); both are readonly
 * `{ type, data, metadata }` records forming a discriminated union per capability.
 */
export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<Data>;
  readonly metadata: CommandMetadata;
}

/** Who asks and when: time comes in here, never from a clock inside the domain. */
export interface CommandMetadata {
  readonly actor: string;
  /** ISO-8601 instant the command was received. */
  readonly now: string;
}

export interface DomainEvent<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<Data>;
}

/** The compiler's check that a `switch` handled every member of a union. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
