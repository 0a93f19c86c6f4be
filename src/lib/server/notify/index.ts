// Nobody misses their turn (capability C8): events become notifications here; the inbox,
// email (digests too) and Telegram deliver them.
export {
	notify,
	setChannels,
	EMAIL_JOB,
	TELEGRAM_JOB,
	type NotifyEvent,
	type NotifyCtx
} from './notify';
export {
	notificationKinds,
	notificationAreas,
	emailChoices,
	isNotificationKind,
	kindRule,
	kindMessageKey,
	defaultTelegram,
	type NotificationKind,
	type NotificationArea,
	type EmailChoice,
	type Audience
} from './kinds';
export { links } from './links';
