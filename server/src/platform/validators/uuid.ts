/** Whether a text is a UUID (any version): ids from outside are checked before they reach a `uuid` column, which would refuse them with an error. */
export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
