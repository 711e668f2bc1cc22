import { Button, CloseButton, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealFormContextQuery } from '../../gql/graphql';
import { newProductLine, type ProductLineValue } from './deal-form-values';

/** What a product line shows of a catalogue product. */
export type CatalogueProduct = Pick<DealFormContextQuery['products'][number], 'id' | 'sku' | 'name' | 'productLine'>;

interface ProductLinesInputProps {
  lines: ProductLineValue[];
  products: readonly CatalogueProduct[];
  onChange: (lines: ProductLineValue[]) => void;
  /** Message for the list as a whole (none chosen, a product twice). */
  error?: string;
  /** Message for one line's field, from the API's `products.<index>.<field>`. */
  lineError: (index: number, field: 'productId' | 'quantity') => string | undefined;
}

const MAX_LINES = 20;

/** Catalogue products as select options, grouped by product line: "Acme Backup (per device) (SKU)". */
export function productOptions(products: readonly CatalogueProduct[]): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const product of products) {
    const items = groups.get(product.productLine) ?? [];
    items.push({ value: product.id, label: `${product.name} (${product.sku})` });
    groups.set(product.productLine, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** The products of a deal: one line per product, with a quantity. Products are grouped by product line. */
export function ProductLinesInput({ lines, products, onChange, error, lineError }: ProductLinesInputProps) {
  const { t } = useTranslation();
  const data = productOptions(products);
  const update = (key: string, change: Partial<ProductLineValue>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));

  return (
    <Stack gap="xs">
      {lines.map((line, index) => {
        const taken = new Set(lines.filter((other) => other.key !== line.key).map((other) => other.productId));
        return (
          <Group key={line.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="deal-product-line">
            <Select
              flex={1}
              label={t('dealForm.product', { index: index + 1 })}
              placeholder={t('dealForm.chooseProduct')}
              searchable
              required
              value={line.productId}
              onChange={(productId) => update(line.key, { productId })}
              data={data.map((group) => ({ ...group, items: group.items.filter((item) => !taken.has(item.value)) }))}
              error={lineError(index, 'productId')}
              data-testid="deal-product-select"
            />
            <NumberInput
              w={110}
              label={t('dealForm.quantity')}
              min={1}
              max={1_000_000}
              allowDecimal={false}
              allowNegative={false}
              value={line.quantity}
              onChange={(quantity) => update(line.key, { quantity })}
              error={lineError(index, 'quantity')}
              data-testid="deal-product-quantity"
            />
            <CloseButton
              mt={26}
              aria-label={t('dealForm.removeProduct', { index: index + 1 })}
              disabled={lines.length === 1}
              onClick={() => onChange(lines.filter((other) => other.key !== line.key))}
            />
          </Group>
        );
      })}
      {error ? (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      ) : null}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        disabled={lines.length >= Math.min(MAX_LINES, products.length)}
        onClick={() => onChange([...lines, newProductLine()])}
        data-testid="deal-add-product"
      >
        {t('dealForm.addProduct')}
      </Button>
    </Stack>
  );
}
