import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export interface MemberSummary {
  id?: string;
  pseudonym: string;
  perspective?: string;
  role?: string;
  daysInRecovery?: number | null;
}

/** The author as the forum shows them: pseudonym, perspective, a role badge, days if shared. */
export function MemberLine({ member }: { member: MemberSummary | null }) {
  const { t } = useI18n();
  if (!member) return <span class="member deleted">{t('member.deleted')}</span>;
  return (
    <span class="member">
      <strong>{member.pseudonym}</strong>
      {member.perspective && member.perspective !== 'UNSPECIFIED' && (
        <span class="perspective"> · {t(`perspective.${member.perspective}` as MessageKey)}</span>
      )}
      {member.role && member.role !== 'MEMBER' && <span class="badge">{t(`role.${member.role}` as MessageKey)}</span>}
      {typeof member.daysInRecovery === 'number' && <span class="days"> · {t('member.days', { days: member.daysInRecovery })}</span>}
    </span>
  );
}
