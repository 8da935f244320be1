import { Group, Pagination, Table, Text } from '@mantine/core';
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

export interface ServerPage {
  /** Zero-based page index. */
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting: there are at least `total` rows. */
  totalCapped?: boolean;
  onPageChange(page: number): void;
}

interface DataTableProps<T> {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: ColumnDef<T, unknown>[];
  data: T[];
  /** Present when the rows are a page of a longer list held on the server. */
  pagination?: ServerPage;
  emptyText: string;
  rowKey(row: T): string | number;
}

/** A table whose rows come from the server a page at a time; the browser never holds the whole list. */
export function DataTable<T>({ caption, columns, data, pagination, emptyText, rowKey }: DataTableProps<T>) {
  const { t } = useTranslation();
  const format = useFormat();
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    getRowId: (row) => String(rowKey(row)),
  });
  const pages = pagination ? Math.max(1, Math.ceil(pagination.total / pagination.pageSize)) : 1;

  return (
    <div>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            <Text component="span" size="sm" c="dimmed">
              {caption}
            </Text>
          </Table.Caption>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => (
                  <Table.Th key={header.id} scope="col">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </Table.Th>
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {data.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" size="sm">
                    {emptyText}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pagination && pagination.total > 0 ? (
        <Group justify="space-between" mt="sm" gap="xs">
          <Text size="sm" c="dimmed" data-testid="table-total">
            {t(pagination.totalCapped ? 'table.totalCapped' : 'table.total', {
              count: pagination.total,
              formatted: format.number(pagination.total),
            })}
          </Text>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={pagination.page + 1}
              onChange={(value) => pagination.onPageChange(value - 1)}
              size="sm"
              siblings={1}
              getItemProps={(page) => ({ 'aria-label': t('table.page', { page }) })}
              getControlProps={(control) => ({ 'aria-label': t(`table.${control}`) })}
            />
          ) : null}
        </Group>
      ) : null}
    </div>
  );
}
