// s3rver ships no types; the local S3 server describes the little of it that it uses.
declare module 's3rver';
declare module 's3rver/lib/models/account.js';
