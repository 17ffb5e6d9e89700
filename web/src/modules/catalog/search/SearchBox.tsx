import { Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { withRegion } from '../regions/useRegionParam';
import './search-box.css';

/** The search form used by the header, the home page and the results page. */
export function SearchBox({
  initialQuery = '',
  region,
  size = 'middle',
  placeholder,
  label,
  className,
}: {
  initialQuery?: string;
  region?: string;
  size?: 'middle' | 'large';
  placeholder: string;
  label: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [value, setValue] = useState(initialQuery);
  return (
    <form
      role="search"
      className={className ? `tb-search-box ${className}` : 'tb-search-box'}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input.Search
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onSearch={(q) => {
          const query = q.trim();
          if (query) void navigate(withRegion('/search', region, { q: query }));
        }}
        placeholder={placeholder}
        enterButton={t('header.search')}
        size={size}
        maxLength={100}
        allowClear
        autoComplete="off"
        enterKeyHint="search"
      />
    </form>
  );
}
