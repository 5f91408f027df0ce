import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType, isIntrospectionType, isSpecifiedScalarType } from 'graphql';
import { buildSchema } from '../../src/schema';

/** Every element a frontend developer can see in GraphiQL's docs, with its description or lack of it. */
function undocumentedElements(): string[] {
  const schema = buildSchema();
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (blank(type.description) && type.name !== 'Query' && type.name !== 'Mutation' && type.name !== 'Subscription') missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
    if (isUnionType(type) && blank(type.description)) missing.push(type.name);
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undocumentedElements()).toEqual([]);
  });

  it('keeps vendor shapes out of the schema: no snake_case names', () => {
    const schema = buildSchema();
    const names: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type)) continue;
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          names.push(field.name);
          if ('args' in field) names.push(...field.args.map((arg: { name: string }) => arg.name));
        }
      }
    }
    expect(names.filter((name) => name.includes('_'))).toEqual([]);
  });
});
