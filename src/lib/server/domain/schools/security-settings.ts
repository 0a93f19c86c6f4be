// The deployment's security settings (issue 16). They live in the accounts module, which
// sign-in is part of: schools already depends on accounts, so accounts must not import from
// here (an import cycle). Other modules (votes) may import either path.
export {
	defaultSecuritySettings,
	getSecuritySettings,
	secretVoteMinBallotsRange,
	type SecuritySettings
} from '../accounts/security-settings';
