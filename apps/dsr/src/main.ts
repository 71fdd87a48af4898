import 'reflect-metadata';
import { runService } from '@candor/platform';
import { dsrService } from './dsr.service-definition';

void runService(dsrService);
