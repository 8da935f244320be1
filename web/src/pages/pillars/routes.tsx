/** Routes of the pillar administration pages, placed inside the shell by App. */
export const pillarsRoutes = <></>;
