/** A message as it crosses a boundary or sits in a file: a known key and its arguments. */
import { z } from 'zod';
import { isMsg, type Msg } from './messages.ts';

export const msgSchema = z.custom<Msg>(isMsg, { message: 'a message ConvStudio knows' });
