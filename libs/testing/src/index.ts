export * from './kafka-principals';
export * from './raw-kafka';
export * from './running-service';
export * from './test-infrastructure';
export * from './wait-for';
export * from './vault-server';
export * from './hostile-text';
