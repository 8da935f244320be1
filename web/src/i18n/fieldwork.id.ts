/** Bahasa Indonesia for field work: the pilar's field app, verification tasks and change requests. */
export const fieldworkId = {};
