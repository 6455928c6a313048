import { ApplicationRecord } from './application-record';
import { ApplicationWindow } from './application-window';
import { Assessment } from './assessment';
import { AuditLog } from './audit-log';
import { ContentRelease } from './content-release';
import { ConversationSession } from './conversation-session';
import { FactAnswer } from './fact-answer';
import { FactQuestion } from './fact-question';
import { Founder } from './founder';
import { FounderIdentity } from './founder-identity';
import { Incubator } from './incubator';
import { Lease } from './lease';
import { Policy } from './policy';
import { PolicyVersion } from './policy-version';
import { Region } from './region';
import { ReminderDelivery } from './reminder-delivery';
import { Source } from './source';
import { SubscribeCredit } from './subscribe-credit';
import { Subscription } from './subscription';
import { WecomKfCursor } from './wecom-kf-cursor';
import { InboundMessage } from './inbound-message';

export {
  ApplicationRecord,
  ApplicationWindow,
  Assessment,
  AuditLog,
  ContentRelease,
  ConversationSession,
  FactAnswer,
  FactQuestion,
  Founder,
  FounderIdentity,
  Incubator,
  Lease,
  Policy,
  PolicyVersion,
  Region,
  ReminderDelivery,
  Source,
  SubscribeCredit,
  Subscription,
  WecomKfCursor,
  InboundMessage,
};

/** Every entity, for the data source. */
export const ALL_ENTITIES = [
  ApplicationRecord,
  ApplicationWindow,
  Assessment,
  AuditLog,
  ContentRelease,
  ConversationSession,
  FactAnswer,
  FactQuestion,
  Founder,
  FounderIdentity,
  Incubator,
  Lease,
  Policy,
  PolicyVersion,
  Region,
  ReminderDelivery,
  Source,
  SubscribeCredit,
  Subscription,
  WecomKfCursor,
  InboundMessage,
];
