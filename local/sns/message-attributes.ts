import { invalidParameterValue } from './sns-error';

export interface MessageAttribute {
  /** String, Number, Binary or String.Array, optionally with a custom suffix ("String.invoiceId"). */
  dataType: string;
  stringValue?: string;
  /** Base64, as the Query protocol carries it. */
  binaryValue?: string;
}

export type MessageAttributes = Record<string, MessageAttribute>;

const MAX_ATTRIBUTES = 10;
const NAME = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9_.-]{1,256}$/;
const DATA_TYPE = /^(String|Number|Binary)(\.\S+)?$/;
const RESERVED_PREFIX = /^(aws|amazon)\./i;
/** The reserved names SNS does accept: the settings of a text (SMS) message. */
const SMS_ATTRIBUTES = new Set([
  'AWS.SNS.SMS.SenderID',
  'AWS.SNS.SMS.SMSType',
  'AWS.SNS.SMS.MaxPrice',
  'AWS.MM.SMS.OriginationNumber',
  'AWS.MM.SMS.EntityId',
  'AWS.MM.SMS.TemplateId',
]);
const SMS_TYPES = new Set(['Promotional', 'Transactional']);
const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/;

/**
 * Reads `MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue,Value.BinaryValue}`
 * and applies the checks SNS applies, so that an attribute AWS would refuse fails locally too.
 */
export function parseMessageAttributes(params: URLSearchParams): MessageAttributes {
  const attributes: MessageAttributes = {};
  for (let n = 1; params.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const prefix = `MessageAttributes.entry.${n}`;
    const name = params.get(`${prefix}.Name`) ?? '';
    const dataType = params.get(`${prefix}.Value.DataType`) ?? '';
    const stringValue = params.get(`${prefix}.Value.StringValue`) ?? undefined;
    const binaryValue = params.get(`${prefix}.Value.BinaryValue`) ?? undefined;

    if (!NAME.test(name) || (RESERVED_PREFIX.test(name) && !SMS_ATTRIBUTES.has(name))) {
      throw invalidParameterValue(`The message attribute name '${name}' is invalid.`);
    }
    if (!DATA_TYPE.test(dataType)) {
      throw invalidParameterValue(
        `The message attribute '${name}' has an invalid message attribute type '${dataType}'.`,
      );
    }
    const binary = dataType.startsWith('Binary');
    const value = binary ? binaryValue : stringValue;
    if (!value) {
      throw invalidParameterValue(
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`,
      );
    }
    if (dataType.startsWith('Number') && !Number.isFinite(Number(value))) {
      throw invalidParameterValue(`Could not cast message attribute '${name}' value to number.`);
    }
    if (name === 'AWS.SNS.SMS.SMSType' && !SMS_TYPES.has(value)) {
      throw invalidParameterValue(`The message attribute '${name}' must be Promotional or Transactional.`);
    }
    if (name === 'AWS.SNS.SMS.SenderID' && !SENDER_ID.test(value)) {
      throw invalidParameterValue(
        `The message attribute '${name}' must be 1 to 11 letters and digits, at least one a letter.`,
      );
    }
    attributes[name] = binary ? { dataType, binaryValue: value } : { dataType, stringValue: value };
  }
  if (Object.keys(attributes).length > MAX_ATTRIBUTES) {
    throw invalidParameterValue(`Number of message attributes exceeds the limit of ${MAX_ATTRIBUTES}.`);
  }
  return attributes;
}

/** Bytes the attributes add to the message size SNS limits (names, types and values count). */
export function attributesSize(attributes: MessageAttributes): number {
  return Object.entries(attributes).reduce(
    (total, [name, { dataType, stringValue, binaryValue }]) =>
      total +
      Buffer.byteLength(name) +
      Buffer.byteLength(dataType) +
      (binaryValue === undefined
        ? Buffer.byteLength(stringValue ?? '')
        : Buffer.from(binaryValue, 'base64').length),
    0,
  );
}
