import * as m from '../../paraglide/messages.js';
import type { SecurityEventKind } from '../security/events';

/** A security event's kind as the interface names it (the table keeps the code). */
export const securityEventLabel: Record<SecurityEventKind, () => string> = {
	sign_in: m.privacy_event_sign_in,
	sign_in_failed: m.privacy_event_sign_in_failed,
	locked_out: m.privacy_event_locked_out,
	two_factor_enabled: m.privacy_event_two_factor_enabled,
	two_factor_disabled: m.privacy_event_two_factor_disabled,
	two_factor_failed: m.privacy_event_two_factor_failed,
	recovery_code_used: m.privacy_event_recovery_code_used,
	reset_issued: m.privacy_event_reset_issued,
	reset_requested: m.privacy_event_reset_requested,
	reset_used: m.privacy_event_reset_used,
	password_changed: m.privacy_event_password_changed,
	role_changed: m.privacy_event_role_changed,
	deactivated: m.privacy_event_deactivated,
	reactivated: m.privacy_event_reactivated,
	operator_granted: m.privacy_event_operator_granted,
	operator_revoked: m.privacy_event_operator_revoked,
	settings_changed: m.privacy_event_settings_changed,
	secret_vote_opened: m.privacy_event_secret_vote_opened,
	secret_vote_closed: m.privacy_event_secret_vote_closed,
	personal_data_exported: m.privacy_event_personal_data_exported,
	personal_data_erased: m.privacy_event_personal_data_erased
};
