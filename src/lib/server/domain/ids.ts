import { z } from 'zod';

// Ids of different kinds are different types: passing a group's id where a material's is
// expected does not compile. At run time they are the same UUID strings (db/ids.ts).
// An id that names nothing is "not found" later, so the schemas check only that it is text.

const id = <K extends string>() => z.string().max(64).brand<K, 'inout'>();

export const userId = id<'UserId'>();
export const schoolId = id<'SchoolId'>();
export const groupId = id<'GroupId'>();
export const requestId = id<'MembershipRequestId'>();
export const invitationId = id<'InvitationId'>();
export const subjectId = id<'SubjectId'>();
export const planItemId = id<'PlanItemId'>();
export const meetingId = id<'MeetingId'>();
export const materialId = id<'MaterialId'>();
export const attachmentId = id<'AttachmentId'>();
export const commentId = id<'CommentId'>();
export const criterionId = id<'CriterionId'>();
export const proposalId = id<'ProposalId'>();
export const threadId = id<'ThreadId'>();
export const postId = id<'PostId'>();
export const voteId = id<'VoteId'>();
export const voteOptionId = id<'VoteOptionId'>();
export const decisionId = id<'DecisionId'>();
export const collectionId = id<'CollectionId'>();
export const sectionId = id<'SectionId'>();
export const itemId = id<'CollectionItemId'>();
export const editionId = id<'CollectionEditionId'>();
export const formId = id<'FormId'>();
export const formVersionId = id<'FormVersionId'>();
export const questionnaireId = id<'QuestionnaireId'>();
export const responseId = id<'ResponseId'>();
export const responseFileId = id<'ResponseFileId'>();
export const approbationId = id<'ApprobationId'>();
export const approbationClassId = id<'ApprobationClassId'>();
export const approbationFileId = id<'ApprobationFileId'>();
export const observationId = id<'ObservationId'>();
export const observationRequestId = id<'ObservationRequestId'>();
export const publicationId = id<'PublicationId'>();

export type UserId = z.output<typeof userId>;
export type SchoolId = z.output<typeof schoolId>;
export type GroupId = z.output<typeof groupId>;
export type MembershipRequestId = z.output<typeof requestId>;
export type InvitationId = z.output<typeof invitationId>;
export type SubjectId = z.output<typeof subjectId>;
export type PlanItemId = z.output<typeof planItemId>;
export type MeetingId = z.output<typeof meetingId>;
export type MaterialId = z.output<typeof materialId>;
export type AttachmentId = z.output<typeof attachmentId>;
export type CommentId = z.output<typeof commentId>;
export type CriterionId = z.output<typeof criterionId>;
export type ProposalId = z.output<typeof proposalId>;
export type ThreadId = z.output<typeof threadId>;
export type PostId = z.output<typeof postId>;
export type VoteId = z.output<typeof voteId>;
export type VoteOptionId = z.output<typeof voteOptionId>;
export type DecisionId = z.output<typeof decisionId>;
export type CollectionId = z.output<typeof collectionId>;
export type SectionId = z.output<typeof sectionId>;
export type CollectionItemId = z.output<typeof itemId>;
export type CollectionEditionId = z.output<typeof editionId>;
export type FormId = z.output<typeof formId>;
export type FormVersionId = z.output<typeof formVersionId>;
export type QuestionnaireId = z.output<typeof questionnaireId>;
export type ResponseId = z.output<typeof responseId>;
export type ResponseFileId = z.output<typeof responseFileId>;
export type ApprobationId = z.output<typeof approbationId>;
export type ApprobationClassId = z.output<typeof approbationClassId>;
export type ApprobationFileId = z.output<typeof approbationFileId>;
export type ObservationId = z.output<typeof observationId>;
export type ObservationRequestId = z.output<typeof observationRequestId>;
export type PublicationId = z.output<typeof publicationId>;

/**
 * Takes a string from a URL, a form or a database row as an id of the kind named by the
 * type: `asId<GroupId>(params.groupId)`. The one place a plain string becomes an id.
 */
export const asId = <T extends string & z.core.$brand>(value: string) => value as T;
