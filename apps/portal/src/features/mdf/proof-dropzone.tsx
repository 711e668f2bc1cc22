import { ActionIcon, Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { MAX_PROOF_FILE_BYTES, MAX_PROOF_FILES, PROOF_SNIFF_BYTES, proofFileNameProblem, sniffProofType } from '@prm/domain/mdf';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from './proof-files';

/** A chosen file and, when the browser already sees a problem, why it cannot be sent. */
export interface PickedFile {
  key: string;
  file: File;
  problem: 'type' | 'empty' | 'size' | 'name' | null;
}

/**
 * The same checks the API makes (type by content, size, name), done in the browser for a quick
 * answer; the API checks again and decides.
 */
async function check(file: File): Promise<PickedFile['problem']> {
  if (proofFileNameProblem(file.name) !== null) return 'name';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PROOF_FILE_BYTES) return 'size';
  const head = new Uint8Array(await file.slice(0, PROOF_SNIFF_BYTES).arrayBuffer());
  return sniffProofType(head) === null ? 'type' : null;
}

export async function pickFiles(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(files.map(async (file) => ({ key: crypto.randomUUID(), file, problem: await check(file) })));
}

interface ProofDropzoneProps {
  files: readonly PickedFile[];
  onChange: (files: PickedFile[]) => void;
  /** The API's message for the list as a whole (`files`). */
  error?: string;
  /** The API's message for one file (`files[i]`), by its index in what was sent. */
  fileError: (index: number) => string | undefined;
  disabled?: boolean;
}

/** Proof of performance: drop PDF, PNG or JPEG files here or choose them; each is checked at once. */
export function ProofDropzone({ files, onChange, error, fileError, disabled }: ProofDropzoneProps) {
  const { t } = useTranslation();
  const size = useFileSize();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  const max = MAX_PROOF_FILE_BYTES / (1024 * 1024);

  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    onChange([...files, ...(await pickFiles([...list]))]);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) void add(event.dataTransfer.files);
  };
  const tooMany = files.length > MAX_PROOF_FILES;

  return (
    <Stack gap="xs">
      <Box
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        p="lg"
        style={{
          border: `2px dashed var(--mantine-color-${error || tooMany ? 'red-6' : over ? 'indigo-6' : 'gray-4'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: over ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)',
          textAlign: 'center',
        }}
        data-testid="proof-dropzone"
        data-over={over}
      >
        <Text fw={500}>{t('mdf.dropzone.drop')}</Text>
        <Text size="sm" c="dimmed" id={hintId}>
          {t('mdf.dropzone.hint', { count: MAX_PROOF_FILES, size: max })}
        </Text>
        <Button variant="light" mt="sm" disabled={disabled} onClick={() => input.current?.click()} aria-describedby={hintId} data-testid="proof-choose">
          {t('mdf.dropzone.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          hidden
          onChange={(event) => {
            void add(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
          data-testid="proof-input"
        />
      </Box>
      {error || tooMany ? (
        <Text size="sm" c="red.7" role="alert" data-testid="proof-error">
          {error ?? t('mdf.dropzone.tooMany', { count: MAX_PROOF_FILES })}
        </Text>
      ) : null}
      {files.length > 0 ? (
        <List spacing={4} size="sm" listStyleType="none" data-testid="proof-list">
          {files.map((picked, index) => {
            const message = picked.problem ? t(`mdf.dropzone.problem.${picked.problem}`, { size: max }) : fileError(index);
            return (
              <List.Item key={picked.key} data-testid="proof-item" data-problem={picked.problem ?? ''}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                    {picked.file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {size(picked.file.size)}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    disabled={disabled}
                    aria-label={t('mdf.dropzone.remove', { name: picked.file.name })}
                    onClick={() => onChange(files.filter((f) => f.key !== picked.key))}
                  >
                    ×
                  </ActionIcon>
                </Group>
                {message ? (
                  <Text size="xs" c="red.7" data-testid="proof-item-error">
                    {message}
                  </Text>
                ) : null}
              </List.Item>
            );
          })}
        </List>
      ) : null}
    </Stack>
  );
}
