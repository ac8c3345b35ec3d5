/** ConvStudio's version, from package.json. */
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
