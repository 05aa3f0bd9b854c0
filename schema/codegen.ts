import type { CodegenConfig } from '@graphql-codegen/cli';

const schema = 'schema.graphql';

/** Typed-document settings shared by the client and the tests. */
const typedDocuments = {
  preset: 'client' as const,
  presetConfig: {
    // `useFragment` is not a React hook; a neutral name keeps the hooks lint rule honest.
    fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
  },
  config: {
    useTypeImports: true,
    enumType: 'string-literal',
    defaultScalarType: 'unknown',
    strictScalars: true,
    scalars: {
      ID: 'string',
      DateTimeISO: 'string',
      LocalDate: 'string',
      Money: 'number',
    },
    nonOptionalTypename: false,
    skipTypeNameForRoot: true,
    avoidOptionals: { field: true, inputValue: false },
  },
};

const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: true,
  // One side's invalid document still fails the run, but no longer blocks the other side's output.
  allowPartialOutputs: true,
  generates: {
    // The client and the tests get separate typed documents, so neither can break the other's build.
    './generated/': { ...typedDocuments, documents: ['../client/src/**/*.{ts,tsx}', '!../**/*.d.ts'] },
    '../tests/generated/': { ...typedDocuments, documents: ['../tests/**/*.ts', '!../tests/node_modules/**', '!../tests/generated/**'] },
  },
};

export default config;
