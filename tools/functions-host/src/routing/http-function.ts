import type { RouteTemplate } from '@cookbook/route-template';

import type { AuthLevel } from '../auth/authorize-request.js';

/** An HTTP-triggered function as the host routes it. */
export interface RegisteredHttpFunction {
  name: string;
  /** Upper-case methods; empty means every method. */
  methods: string[];
  /** The route as registered (the function name when none was given). */
  route: string;
  /** The full template the host matches, prefix included (e.g. `api/items/{id:int}`). */
  template: string;
  authLevel: AuthLevel;
  /** `AzureWebJobs.<name>.Disabled` is true: requests get 404. */
  disabled: boolean;
  /** Name of the trigger binding, used as the input name. */
  triggerBindingName: string;
}

export interface HttpRoute {
  fn: RegisteredHttpFunction;
  template: RouteTemplate;
}
