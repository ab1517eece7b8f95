import { useState } from 'preact/hooks';
import type { PolicyList } from '../api/responses';
import { ErrorMessage } from '../errors';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import type {
  DisputeCauseList,
  DunningPolicy,
  LetterTemplateVersion,
  RateTable,
  ScoreRules,
  TemplateList,
  WorklistRules,
} from './page-responses';
import { usePageWords } from './page-words';
import { VersionedSetting } from './versioned-setting';

/** What a PUT takes of a record GET gave: all of it but who stored it and when. */
function withoutStamp<T extends { updatedAt?: string; updatedBy?: string }>(record: T) {
  const { updatedAt: _at, updatedBy: _by, ...rest } = record;
  return rest;
}

const stampOf = (record: { updatedAt?: string; updatedBy?: string }) => ({
  ...(record.updatedBy ? { by: record.updatedBy } : {}),
  ...(record.updatedAt ? { at: record.updatedAt } : {}),
});

/**
 * The admin's settings, each a form over its versioned route: the dunning policies, the statutory
 * interest rates, the worklist rules, the dispute causes, the payment score rules and the letter
 * templates.
 */
export function SettingsPage() {
  const { api } = useSession();
  const { p } = usePageWords();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{p.settings.title}</h1>
      <p>{p.settings.intro}</p>
      <Policies />
      <Templates />
      <VersionedSetting<RateTable>
        id="rates"
        title={p.settings.rates}
        recordKey="rates"
        load={() => api.call<RateTable, 'get', '/rates'>('get', '/rates')}
        save={(body) => api.call<RateTable, 'put', '/rates'>('put', '/rates', { body: body as never })}
        version={(record) => record.version}
        changedBy={stampOf}
        editable={withoutStamp}
      />
      <VersionedSetting<WorklistRules>
        id="worklist-rules"
        title={p.settings.worklistRules}
        recordKey="worklist-rules"
        load={() => api.call<WorklistRules, 'get', '/worklist/rules'>('get', '/worklist/rules')}
        save={(body) =>
          api.call<WorklistRules, 'put', '/worklist/rules'>('put', '/worklist/rules', { body: body as never })
        }
        version={(record) => record.version}
        changedBy={stampOf}
        editable={withoutStamp}
      />
      <VersionedSetting<DisputeCauseList>
        id="dispute-causes"
        title={p.settings.disputeCauses}
        recordKey="dispute-causes"
        load={() =>
          api.call<DisputeCauseList, 'get', '/settings/dispute-causes'>('get', '/settings/dispute-causes')
        }
        save={(body) =>
          api.call<DisputeCauseList, 'put', '/settings/dispute-causes'>('put', '/settings/dispute-causes', {
            body: body as never,
          })
        }
        version={(record) => record.version}
        changedBy={stampOf}
        editable={withoutStamp}
      />
      <VersionedSetting<ScoreRules>
        id="score-rules"
        title={p.settings.scoreRules}
        recordKey="score-rules"
        load={() => api.call<ScoreRules, 'get', '/settings/score-rules'>('get', '/settings/score-rules')}
        save={(body) =>
          api.call<ScoreRules, 'put', '/settings/score-rules'>('put', '/settings/score-rules', {
            body: body as never,
          })
        }
        version={(record) => record.version}
        changedBy={stampOf}
        // The score rules' PUT names the version edited `expectedVersion`.
        editable={(record) => {
          const { version, ...rest } = withoutStamp(record);
          return { expectedVersion: version, ...rest };
        }}
      />
    </section>
  );
}

/** The dunning policies: pick one, change it, store it as its next version. */
function Policies() {
  const { api } = useSession();
  const { p } = usePageWords();
  const list = useLoad(() => api.call<PolicyList, 'get', '/policies'>('get', '/policies'), 'policies');
  const [chosen, setChosen] = useState('');
  const id = chosen || list.data?.policies[0]?.id || '';
  return (
    <section aria-labelledby="policies-title">
      <h2 id="policies-title">{p.settings.policies}</h2>
      <ErrorMessage error={list.error} />
      {list.data && (
        <div class="field">
          <label for="policy-choice">{p.settings.policy}</label>
          <select id="policy-choice" value={id} onChange={(event) => setChosen(event.currentTarget.value)}>
            {list.data.policies.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name ? `${policy.name} (${policy.id})` : policy.id}
              </option>
            ))}
          </select>
        </div>
      )}
      {id && (
        <VersionedSetting<DunningPolicy>
          key={id}
          id="policy"
          title={id}
          headingLevel={3}
          recordKey={id}
          load={() =>
            api.call<DunningPolicy, 'get', '/policies/{id}'>('get', '/policies/{id}', { path: { id } })
          }
          save={(body) =>
            api.call<DunningPolicy, 'put', '/policies/{id}'>('put', '/policies/{id}', {
              path: { id },
              body: body as never,
            })
          }
          version={(record) => record.version}
          changedBy={stampOf}
          // The path names the policy: its id is not edited; who stored it is the API's to say.
          editable={({ id: _id, ...rest }) => withoutStamp(rest)}
        />
      )}
    </section>
  );
}

/** The letter templates: pick one, change its words, store them as its next version. */
function Templates() {
  const { api } = useSession();
  const { p } = usePageWords();
  const list = useLoad(() => api.call<TemplateList, 'get', '/templates'>('get', '/templates'), 'templates');
  const [chosen, setChosen] = useState('');
  const id = (chosen || list.data?.templates[0]?.id || '') as TemplateList['templates'][number]['id'];
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{p.settings.templates}</h2>
      <ErrorMessage error={list.error} />
      {list.data && (
        <div class="field">
          <label for="template-choice">{p.settings.template}</label>
          <select id="template-choice" value={id} onChange={(event) => setChosen(event.currentTarget.value)}>
            {list.data.templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.id}
              </option>
            ))}
          </select>
        </div>
      )}
      {id && (
        <VersionedSetting<LetterTemplateVersion>
          key={id}
          id="template"
          title={id}
          headingLevel={3}
          recordKey={`template-${id}`}
          load={() =>
            api.call<LetterTemplateVersion, 'get', '/templates/{id}'>('get', '/templates/{id}', {
              path: { id },
            })
          }
          save={(body) =>
            api.call<LetterTemplateVersion, 'put', '/templates/{id}'>('put', '/templates/{id}', {
              path: { id },
              body: body as never,
            })
          }
          version={(record) => record.version}
          changedBy={stampOf}
          // The path names the template; the version guards a colleague's edit.
          editable={({ id: _id, updatedBy: _by, updatedAt: _at, ...rest }) => rest}
        />
      )}
    </section>
  );
}
