/** Routes of the pilar's field app, placed inside the shell by App. */
export const fieldRoutes = <></>;
