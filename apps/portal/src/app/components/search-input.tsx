import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

interface SearchInputProps {
  value: string;
  /** Receives the text once the typing settles. */
  onSearch: (text: string) => void;
  label: string;
  placeholder: string;
  testId?: string;
}

/** The search field of a list: it updates at once, `onSearch` once the typing settles. */
export function SearchInput({ value, onSearch, label, placeholder, testId }: SearchInputProps) {
  const [text, setText] = useState(value);
  const push = useDebouncedCallback(onSearch, 300);
  return (
    <TextInput
      type="search"
      maw={360}
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        push(event.currentTarget.value);
      }}
      data-testid={testId}
    />
  );
}
