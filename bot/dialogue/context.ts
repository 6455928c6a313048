/** What one turn of the dialogue gets and gives back. */
import type { ChatChannel } from '../../channels/registry';
import type { DialoguePorts } from './ports';
import type { DialogueState } from './state';

export interface DialogueContext {
  founderId: string;
  channel: ChatChannel;
  ports: DialoguePorts;
  /** True on the very first message of a chat: the reply starts with a welcome. */
  firstContact?: boolean;
}

export interface Turn {
  replies: string[];
  state: DialogueState;
  /** The founder's data was erased: there is no session left to save. */
  erased?: boolean;
}
