import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { CreateProgramDocument } from './programs.documents';
import { FormErrorSummary } from '../../app/errors/form-error-summary';

export function CreateProgramForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [segment, setSegment] = useState('');
  const [description, setDescription] = useState('');
  const [graceDays, setGraceDays] = useState<number | string>(30);
  const [create, { loading, error }] = useMutation(CreateProgramDocument, { refetchQueries: ['Programs', 'ProgramTierNames'] });
  const { parsed, field } = useFieldErrors(error);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await create({
        variables: {
          input: {
            name: name.trim(),
            segment: segment.trim(),
            description: description.trim() || undefined,
            demotionGraceDays: typeof graceDays === 'number' ? graceDays : undefined,
          },
        },
      });
      onDone();
    } catch {
      // Shown from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="program-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <TextInput label={t('programs.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={field('name')} />
        <TextInput
          label={t('programs.segment')}
          required
          value={segment}
          onChange={(e) => setSegment(e.currentTarget.value)}
          error={field('segment')}
        />
        <Textarea
          label={t('programs.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={field('description')}
        />
        <NumberInput
          label={t('programs.graceDays')}
          description={t('programs.graceDaysHint')}
          min={0}
          max={730}
          allowDecimal={false}
          value={graceDays}
          onChange={setGraceDays}
          error={field('demotionGraceDays')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('programs.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
