/** The current time; sessions and lockouts take it as an argument so tests can move it instead of sleeping. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
