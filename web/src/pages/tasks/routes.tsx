/** Routes of the operators' task and change-request pages, placed inside the shell by App. */
export const tasksRoutes = <></>;
