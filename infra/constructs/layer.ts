import { Construct } from 'constructs';

/**
 * A part of the stack (storage, queues, scheduling, API, functions). It groups resources in the code
 * only: the stack leaves its id out of the logical ids, so every resource keeps the logical id it had
 * when the stack was one constructor (a changed logical id would replace the table and the queues).
 */
export class Layer extends Construct {}
