import { Injectable } from '@nestjs/common';
import { byKeys, loaderFor, type PrmRequest, RequestContext } from '@prm/server/core';
import type DataLoader from 'dataloader';
import type { OrganisationEntity } from '../entities/organisation.entity';
import type { UserEntity } from '../entities/user.entity';
import { OrganisationsService } from '../services/organisations.service';
import { UsersService } from '../services/users.service';

/** Per-request loaders, scoped to the caller: a partner user cannot load another organisation's rows through a relation. */
@Injectable()
export class IdentityLoaders {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  private ctx(req: PrmRequest): RequestContext {
    return req.prmContext ?? RequestContext.system();
  }

  organisation(req: PrmRequest): DataLoader<string, OrganisationEntity | null> {
    return loaderFor(req, 'organisation', async (ids: readonly string[]) =>
      byKeys(ids, await this.organisations.byIds(this.ctx(req), ids), (o) => o.id),
    );
  }

  channelManager(req: PrmRequest): DataLoader<string, UserEntity | null> {
    return loaderFor(req, 'channelManager', async (ids: readonly string[]) =>
      byKeys(ids, await this.users.byIds(RequestContext.system(), ids), (u) => u.id),
    );
  }

  user(req: PrmRequest): DataLoader<string, UserEntity | null> {
    return loaderFor(req, 'user', async (ids: readonly string[]) => byKeys(ids, await this.users.byIds(this.ctx(req), ids), (u) => u.id));
  }
}
