import { Injectable } from '@nestjs/common';

/** Set when the service starts shutting down: readiness fails from then on. */
@Injectable()
export class DrainState {
  private drainingSince: Date | undefined;

  startDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }
}
