import fc from 'fast-check';
import { type Certification, certificationExpiresOn, certificationsExpiring, certifiedPeopleCount, isCertificationValid } from '../certifications';
import { expectError } from './helpers';

const cert = (id: string, personId: string, courseId: string, completedOn: string, validityMonths: number | null): Certification => ({ id, personId, courseId, completedOn, validityMonths });

describe('certificationExpiresOn', () => {
  it.each<[string, number | null, string | null]>([
    ['2026-03-15', 24, '2028-03-15'],
    ['2026-01-10', 12, '2027-01-10'],
    ['2026-01-31', 1, '2026-02-28'], // clamped to the month's end
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-15', null, null], // never expires
  ])('completed %s, valid %p months → %p', (completedOn, months, expected) => {
    expect(certificationExpiresOn(completedOn, months)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2026-01-01', 0],
    ['2026-01-01', -12],
    ['2026-01-01', 1.5],
    ['2026-13-01', 12],
  ])('refuses %s with %p months', (completedOn, months) => {
    expectError(() => certificationExpiresOn(completedOn, months), 'BAD_USER_INPUT');
  });
});

describe('isCertificationValid', () => {
  const c = cert('c', 'p', 'k8s', '2026-01-10', 12);
  it.each<[string, boolean]>([
    ['2026-01-09', false], // not yet completed
    ['2026-01-10', true],
    ['2026-07-01', true],
    ['2027-01-09', true], // last valid day
    ['2027-01-10', false], // the expiry day itself
    ['2030-01-01', false],
  ])('on %s → %p', (asOf, valid) => {
    expect(isCertificationValid(c, asOf)).toBe(valid);
  });

  it('a certification without validity never expires', () => {
    expect(isCertificationValid(cert('c', 'p', 'k8s', '2020-01-01', null), '2099-12-31')).toBe(true);
  });
});

describe('certificationsExpiring', () => {
  const c1 = cert('c1', 'p1', 'A', '2025-04-20', 12); // → 2026-04-20
  const c2 = cert('c2', 'p2', 'A', '2025-05-01', 12); // → 2026-05-01
  const c3 = cert('c3', 'p3', 'B', '2024-04-10', 24); // → 2026-04-10
  const c4 = cert('c4', 'p4', 'A', '2020-01-01', null);
  const c5 = cert('c5', 'p5', 'A', '2025-01-01', 12); // expired 2026-01-01
  const all = [c1, c2, c3, c4, c5];

  it.each<[number, [string, string, number][]]>([
    [30, [['c3', '2026-04-10', 9], ['c1', '2026-04-20', 19], ['c2', '2026-05-01', 30]]],
    [19, [['c3', '2026-04-10', 9], ['c1', '2026-04-20', 19]]],
    [18, [['c3', '2026-04-10', 9]]],
    [8, []],
    [0, []],
  ])('within %p days of 2026-04-01', (within, expected) => {
    expect(certificationsExpiring(all, '2026-04-01', within).map((item) => [item.certification.id, item.expiresOn, item.daysLeft])).toEqual(expected);
  });

  it('includes one expiring tomorrow with a window of 1 and none already expired', () => {
    expect(certificationsExpiring(all, '2026-04-19', 1).map((item) => item.certification.id)).toEqual(['c1']);
    expect(certificationsExpiring(all, '2026-04-20', 1).map((item) => item.certification.id)).toEqual([]);
  });

  it('does not remind a person who already renewed the course beyond the window', () => {
    const renewed = cert('c6', 'p1', 'A', '2026-03-25', 12);
    expect(certificationsExpiring([...all, renewed], '2026-04-01', 30).map((item) => item.certification.id)).toEqual(['c3', 'c2']);
  });

  it('refuses a negative window', () => {
    expectError(() => certificationsExpiring(all, '2026-04-01', -1), 'BAD_USER_INPUT');
  });

  it('property: everything listed is valid today and expires within the window, soonest first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.option(fc.integer({ min: 1, max: 36 }), { nil: null })), { maxLength: 20 }),
        fc.integer({ min: 0, max: 120 }),
        (raw, within) => {
          const certs = raw.map(([offset, months], i) => cert(`c${i}`, `p${i}`, 'A', new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10), months));
          const asOf = '2026-01-01';
          const listed = certificationsExpiring(certs, asOf, within);
          for (const item of listed) {
            expect(isCertificationValid(item.certification, asOf)).toBe(true);
            expect(item.daysLeft >= 1 && item.daysLeft <= within).toBe(true);
          }
          expect(listed.map((item) => item.expiresOn)).toEqual([...listed.map((item) => item.expiresOn)].sort());
        },
      ),
    );
  });
});

describe('certifiedPeopleCount', () => {
  const certs = [
    cert('c1', 'p1', 'A', '2025-04-20', 12),
    cert('c2', 'p1', 'B', '2025-05-01', 12), // same person twice
    cert('c3', 'p2', 'B', '2024-04-10', 24),
    cert('c4', 'p3', 'A', '2025-01-01', 12), // expired by April 2026
  ];
  it.each<[string, string[] | undefined, number]>([
    ['2026-04-01', undefined, 2],
    ['2026-04-01', ['A'], 1],
    ['2026-04-01', ['B'], 2],
    ['2026-04-01', ['C'], 0],
    ['2025-06-01', undefined, 3],
    ['2024-01-01', undefined, 0],
  ])('on %s for courses %p → %p people', (asOf, courses, expected) => {
    expect(certifiedPeopleCount(certs, asOf, courses)).toBe(expected);
  });
});
