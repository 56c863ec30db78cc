import { AppError } from '@linli/core';
import { ownersCommitteesErrors } from '../errors.ts';
import { type MeetingStatus, meetingStatusLabels } from '../vocabulary.ts';

/** 409 unless the meeting is in one of `allowed`, naming its status in the caller's language. */
export function requireMeetingStatus(status: MeetingStatus, allowed: MeetingStatus[]): void {
  if (!allowed.includes(status))
    throw AppError.of(ownersCommitteesErrors.meeting_state, { status: { 'zh-CN': meetingStatusLabels[status], 'en-US': status } });
}
