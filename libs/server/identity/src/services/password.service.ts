import { Injectable } from '@nestjs/common';
import { AppConfig } from '@prm/server/core';
import argon2 from 'argon2';

/** argon2id hashing; the memory cost comes from configuration (OWASP minimum by default). */
@Injectable()
export class PasswordService {
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: this.config.ARGON2_MEMORY_KIB, timeCost: 2, parallelism: 1 });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      // Spend the same effort for unknown accounts so timing does not reveal which e-mails exist.
      this.dummyHash ??= this.hash('not-a-real-password');
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
