// The app paths a notification links to: one place, so a moved page moves every link.
const g = (groupId: string) => `/groups/${groupId}`;

export const links = {
	group: (groupId: string) => g(groupId),
	members: (groupId: string) => `${g(groupId)}/members`,
	material: (groupId: string, materialId: string) => `${g(groupId)}/materials/${materialId}`,
	thread: (groupId: string, threadId: string, postId?: string) =>
		`${g(groupId)}/discussions/${threadId}${postId ? `#post-${postId}` : ''}`,
	proposal: (groupId: string, proposalId: string) => `${g(groupId)}/proposals/${proposalId}`,
	vote: (groupId: string, voteId: string) => `${g(groupId)}/votes/${voteId}`,
	meeting: (groupId: string, meetingId: string) => `${g(groupId)}/meetings/${meetingId}`,
	meetings: (groupId: string) => `${g(groupId)}/meetings`,
	planItem: (groupId: string, itemId: string) => `${g(groupId)}/plan/${itemId}`,
	edition: (groupId: string, collectionId: string, number: number) =>
		`${g(groupId)}/collections/${collectionId}/editions/${number}`,
	collection: (groupId: string, collectionId: string) =>
		`${g(groupId)}/collections/${collectionId}`,
	publications: (groupId: string) => `${g(groupId)}/publications`,
	consents: () => '/consents',
	publication: (code: string) => `/p/${code}`
};
