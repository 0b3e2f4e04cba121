import { Hono } from "hono";
import { z } from "zod";
import { actorOf } from "../audit/audit";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { addPerson } from "./staff-add.service";
import { personSchema, pinSchema } from "./staff.schema";
import { disableUser, setPin } from "./staff.service";
const ID = /^[\w:-]{1,100}$/;

/**
 * People, as a manager's session manages them (the staff documents themselves sync like the rest):
 * - `POST /api/v1/staff` `{ name, role, pin, email?, password? }` — adds a person (a manager with their sign-in);
 * - `PUT /api/v1/staff/{id}/pin` `{ pin }` — sets a PIN (cashier 4–8 digits, manager 6–8); the server hashes it;
 * - `POST /api/v1/users/{id}/disable` — ends a manager's sign-in, their sessions and their PIN.
 */
export function staffRoutes(deps: AppDeps) {
  // Mounted at /api/v1 beside other routers: the sign-in check goes on each route, not on the whole mount.
  const managerOnly = requireAuth(deps, ["manager"]);
  return new Hono<AppEnv>()
    .post("/staff", managerOnly, async (c) => {
      const principal = callerAs(c, "manager");
      const person = await jsonBody(c, personSchema);
      const staff = await addPerson(deps, principal.tenantId, person, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      const { pinHash: _hash, ...shown } = staff;
      return c.json({ staff: shown }, 201);
    })
    .put("/staff/:id/pin", managerOnly, async (c) => {
      const principal = callerAs(c, "manager");
      const id = c.req.param("id");
      if (!ID.test(id)) throw new ApiError(ErrorCode.not_found, "No such person in this shop.");
      const { pin } = await jsonBody(c, pinSchema);
      const staff = await setPin(deps, principal.tenantId, id, pin, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      const { pinHash: _hash, ...shown } = staff;
      return c.json({ staff: shown });
    })
    .post("/users/:id/disable", managerOnly, async (c) => {
      const principal = callerAs(c, "manager");
      const id = c.req.param("id");
      if (!z.uuid().safeParse(id).success) throw new ApiError(ErrorCode.not_found, "No such manager in this shop.");
      await disableUser(deps, principal.tenantId, id, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      return c.body(null, 204);
    });
}
