// An env profile as the window sees it: a name and its variables in name order, each with the
// reference it is filled from (see shared/references.ts).

export interface EnvProfileVar {
  name: string;
  reference: string;
}

export interface EnvProfile {
  name: string;
  vars: EnvProfileVar[];
}
