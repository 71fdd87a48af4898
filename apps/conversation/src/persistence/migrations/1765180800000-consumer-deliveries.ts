import { consumerDeliveriesMigration } from '@candor/messaging';

/** Records the consumer started and has not seen through, so one that crashes it ends in the dead-letter topic. */
export const ConsumerDeliveries1765180800000 = consumerDeliveriesMigration('conversation');
