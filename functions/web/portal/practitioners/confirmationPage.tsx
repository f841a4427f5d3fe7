import type { WebResponse } from '../../http/response.ts';
import { type ConfirmationTarget, confirmFor, objectTo, showConfirmation } from '../objections/confirmationPage.tsx';
import type { PortalContext } from '../self.ts';

/**
 * `/portal/practitioners/confirmation?year=…&person=…`: the unit confirms (确认无误) or objects for a
 * practitioner it filed for that year and the league bureau listed (Art 18(1), 18(4)), on the same
 * form as its own confirmation, within the practitioner cycle's CONFIRMATION window. Whether it may
 * is the use cases' (`objection.file`): another unit is refused.
 */
export const PRACTITIONER_CONFIRMATION_PATH = '/portal/practitioners/confirmation';

/** The confirmation page of one practitioner of one year. */
export const practitionerConfirmationUrl = (year: number, residentId: string): string =>
  `${PRACTITIONER_CONFIRMATION_PATH}?year=${year}&person=${encodeURIComponent(residentId)}`;

const targetOf = (values: Readonly<Record<string, string | undefined>>): ConfirmationTarget | null => {
  const year = Number(values.year);
  const person = (values.person ?? '').trim().toUpperCase();
  if (!/^\d{4}$/.test(values.year ?? '') || !Number.isInteger(year) || !/^[0-9]{17}[0-9X]$/.test(person)) return null;
  return {
    base: PRACTITIONER_CONFIRMATION_PATH,
    params: { year: String(year), person },
    onBehalf: { residentId: person, year },
  };
};

const BAD = { status: 'invalid', issues: [{ path: '从业人员', message: '年度或公民身份号码无效' }] } as const;

export const practitionerConfirmationPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const t = targetOf(ctx.req.query);
  return t ? showConfirmation(ctx, t) : ctx.refuse(BAD);
};

export const postPractitionerObjection = async (ctx: PortalContext): Promise<WebResponse> => {
  const t = targetOf(ctx.req.form);
  return t ? objectTo(ctx, t) : ctx.refuse(BAD);
};

export const postPractitionerConfirm = async (ctx: PortalContext): Promise<WebResponse> => {
  const t = targetOf(ctx.req.form);
  return t ? confirmFor(ctx, t) : ctx.refuse(BAD);
};
