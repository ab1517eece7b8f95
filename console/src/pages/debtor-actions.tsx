import { useState } from 'preact/hooks';
import type { DebtorView, TaskWithDetails } from '../api/responses';
import { centsFrom, Field, FormStatus, InputField, SaveButton, TextAreaField, useAction } from '../forms';
import { useWords } from '../i18n';
import { isManager, useSession } from '../session';
import { useLoad } from '../use-load';
import { PlanForm } from './plan-form';
import { InvoicePicker } from './invoice-picker';

/** Every action on a debtor is one API call; the API decides, the form shows what it said. */
export function DebtorActions(props: {
  view: DebtorView;
  tasks: readonly TaskWithDetails[];
  onChange: () => void;
}) {
  const { session } = useSession();
  const { t } = useWords();
  return (
    <div>
      <Disclosure title={t.actions.call}>
        <CallOutcomeForm tasks={props.tasks} onChange={props.onChange} />
      </Disclosure>
      <Disclosure title={t.actions.promise}>
        <PromiseForm view={props.view} onChange={props.onChange} />
      </Disclosure>
      <Disclosure title={t.actions.dispute}>
        <DisputeForm view={props.view} onChange={props.onChange} />
      </Disclosure>
      <Disclosure title={t.actions.note}>
        <NoteForm view={props.view} onChange={props.onChange} />
      </Disclosure>
      <Disclosure title={t.actions.hold}>
        <HoldForm view={props.view} onChange={props.onChange} />
      </Disclosure>
      <Disclosure title={t.actions.plan}>
        <PlanForm view={props.view} onChange={props.onChange} />
      </Disclosure>
      {isManager(session) && (
        <>
          <Disclosure title={t.actions.creditHold}>
            <CreditHoldForm view={props.view} onChange={props.onChange} />
          </Disclosure>
          <Disclosure title={t.actions.handOver}>
            <HandOverForm view={props.view} onChange={props.onChange} />
          </Disclosure>
          <Disclosure title={t.actions.special}>
            <SpecialForm view={props.view} onChange={props.onChange} />
          </Disclosure>
        </>
      )}
    </div>
  );
}

function Disclosure(props: { title: string; children: preact.ComponentChildren }) {
  return (
    <details class="action">
      <summary>{props.title}</summary>
      <div role="group" aria-label={props.title}>
        {props.children}
      </div>
    </details>
  );
}

const submitted = (run: () => void) => (event: Event) => {
  event.preventDefault();
  run();
};

function CallOutcomeForm(props: { tasks: readonly TaskWithDetails[]; onChange: () => void }) {
  const { api } = useSession();
  const words = useWords();
  const { t } = words;
  const action = useAction(props.onChange);
  const [taskId, setTaskId] = useState('');
  const [outcome, setOutcome] = useState('');
  const [promisedDate, setPromisedDate] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const task = props.tasks.find((candidate) => candidate.id === taskId) ?? props.tasks[0];
  // Once the outcome is saved the task leaves the list: the form says so, and that it was saved.
  if (!task)
    return (
      <div class="form">
        <FormStatus action={action} fields={[]} />
        <p>{t.actions.noTasks}</p>
      </div>
    );
  const chosen = outcome || task.outcomes[0] || '';
  const save = () =>
    action.run(() =>
      api.call('post', '/tasks/{id}/outcome', {
        path: { id: task.id },
        body: {
          outcome: chosen as never,
          ...(chosen === 'promised' ? { promisedDate } : {}),
          ...(chosen === 'promised' && amount ? { amount: centsFrom(amount, words.language) } : {}),
          ...(note ? { note } : {}),
        },
      }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <Field label={t.actions.task} name="task" action={action}>
        {(a) => (
          <select {...a} value={task.id} onChange={(event) => setTaskId(event.currentTarget.value)}>
            {props.tasks.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.summary}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.actions.outcome} name="outcome" action={action}>
        {(a) => (
          <select {...a} value={chosen} onChange={(event) => setOutcome(event.currentTarget.value)}>
            {task.outcomes.map((value) => (
              <option key={value} value={value}>
                {t.outcomes[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen === 'promised' && (
        <PromiseFields
          action={action}
          promisedDate={promisedDate}
          onPromisedDate={setPromisedDate}
          amount={amount}
          onAmount={setAmount}
        />
      )}
      <TextAreaField label={t.actions.noteField} name="note" action={action} value={note} onValue={setNote} />
      <FormStatus action={action} fields={['outcome', 'promisedDate', 'amount', 'note']} />
      <SaveButton action={action} />
    </form>
  );
}

/** The date and amount of a promise to pay, as both a call's outcome and a promise ask for them. */
function PromiseFields(props: {
  action: ReturnType<typeof useAction>;
  promisedDate: string;
  onPromisedDate: (value: string) => void;
  amount: string;
  onAmount: (value: string) => void;
}) {
  const { t } = useWords();
  return (
    <>
      <InputField
        label={t.actions.promisedDate}
        name="promisedDate"
        action={props.action}
        type="date"
        value={props.promisedDate}
        onValue={props.onPromisedDate}
      />
      <InputField
        label={t.actions.amount}
        name="amount"
        action={props.action}
        hint={t.actions.amountHint}
        inputMode="decimal"
        value={props.amount}
        onValue={props.onAmount}
      />
    </>
  );
}

function PromiseForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const words = useWords();
  const { t } = words;
  const action = useAction(props.onChange);
  const [invoiceIds, setInvoiceIds] = useState<string[]>([]);
  const [promisedDate, setPromisedDate] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const save = () =>
    action.run(() =>
      api.call('post', '/debtors/{id}/promises', {
        path: { id: props.view.debtor.id },
        body: {
          invoiceIds,
          promisedDate,
          ...(amount ? { amount: centsFrom(amount, words.language) } : {}),
          ...(note ? { note } : {}),
        },
      }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <InvoicePicker view={props.view} chosen={invoiceIds} onChange={setInvoiceIds} action={action} />
      <PromiseFields
        action={action}
        promisedDate={promisedDate}
        onPromisedDate={setPromisedDate}
        amount={amount}
        onAmount={setAmount}
      />
      <TextAreaField label={t.actions.noteField} name="note" action={action} value={note} onValue={setNote} />
      <FormStatus action={action} fields={['invoiceIds', 'promisedDate', 'amount', 'note']} />
      <SaveButton action={action} />
    </form>
  );
}

function DisputeForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const { t } = useWords();
  const action = useAction(props.onChange);
  const causes = useLoad(
    () =>
      api.call<{ causes: { cause: string; label: string }[] }, 'get', '/settings/dispute-causes'>(
        'get',
        '/settings/dispute-causes',
      ),
    'causes',
  );
  const [invoiceIds, setInvoiceIds] = useState<string[]>([]);
  const [cause, setCause] = useState('');
  const [note, setNote] = useState('');
  const save = () =>
    action.run(() =>
      api.call('post', '/debtors/{id}/disputes', {
        path: { id: props.view.debtor.id },
        body: { invoiceIds, cause, note },
      }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <InvoicePicker view={props.view} chosen={invoiceIds} onChange={setInvoiceIds} action={action} />
      <Field label={t.actions.cause} name="cause" action={action}>
        {(a) => (
          <select {...a} value={cause} onChange={(event) => setCause(event.currentTarget.value)}>
            <option value="">—</option>
            {(causes.data?.causes ?? []).map((entry) => (
              <option key={entry.cause} value={entry.cause}>
                {entry.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextAreaField label={t.actions.noteField} name="note" action={action} value={note} onValue={setNote} />
      <FormStatus action={action} fields={['invoiceIds', 'cause', 'note']} />
      <SaveButton action={action} />
    </form>
  );
}

function NoteForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const { t } = useWords();
  const action = useAction(props.onChange);
  const [text, setText] = useState('');
  const save = () =>
    action.run(async () => {
      await api.call('post', '/debtors/{id}/notes', { path: { id: props.view.debtor.id }, body: { text } });
      setText('');
    });
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <TextAreaField label={t.actions.noteField} name="text" action={action} value={text} onValue={setText} />
      <FormStatus action={action} fields={['text']} />
      <SaveButton action={action} />
    </form>
  );
}

function HoldForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const { t } = useWords();
  const action = useAction(props.onChange);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const save = () =>
    action.run(() =>
      api.call('post', '/debtors/{id}/hold', { path: { id: props.view.debtor.id }, body: { until, reason } }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <InputField
        label={t.actions.until}
        name="until"
        action={action}
        type="date"
        value={until}
        onValue={setUntil}
      />
      <Field label={t.actions.reason} name="reason" action={action}>
        {(a) => <input {...a} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
      </Field>
      <FormStatus action={action} fields={['until', 'reason']} />
      <SaveButton action={action} />
    </form>
  );
}

function CreditHoldForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const { t } = useWords();
  const action = useAction(props.onChange);
  const [reason, setReason] = useState('');
  const hold = !props.view.debtor.creditHold;
  const save = () =>
    action.run(() =>
      api.call('put', '/debtors/{id}/credit-hold', {
        path: { id: props.view.debtor.id },
        body: { hold, reason },
      }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <Field label={t.actions.reason} name="reason" action={action}>
        {(a) => <input {...a} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
      </Field>
      <FormStatus action={action} fields={['reason', 'hold']} />
      <div>
        <button type="submit" disabled={action.busy}>
          {hold ? t.actions.placeCreditHold : t.actions.liftCreditHold}
        </button>
      </div>
    </form>
  );
}

function HandOverForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const { t } = useWords();
  const action = useAction(props.onChange);
  const [sub, setSub] = useState('');
  const [email, setEmail] = useState('');
  const save = () =>
    action.run(() =>
      api.call('put', '/debtors/{id}/owner', {
        path: { id: props.view.debtor.id },
        body: { owner: sub ? { sub, ...(email ? { email } : {}) } : null },
      }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <Field label={t.actions.newOwner} name="owner.sub" action={action} hint={t.actions.newOwnerHint}>
        {(a) => <input {...a} value={sub} onInput={(event) => setSub(event.currentTarget.value)} />}
      </Field>
      <Field label={t.actions.newOwnerEmail} name="owner.email" action={action}>
        {(a) => (
          <input {...a} type="email" value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
        )}
      </Field>
      <FormStatus action={action} fields={['owner']} />
      <SaveButton action={action} />
    </form>
  );
}

function SpecialForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const { t } = useWords();
  const action = useAction(props.onChange);
  const [reason, setReason] = useState<keyof typeof t.specialReasons>('financial_trouble');
  const [note, setNote] = useState('');
  const id = props.view.debtor.id;
  if (props.view.management === 'special')
    return (
      <form
        class="form"
        onSubmit={submitted(
          () =>
            void action.run(() => api.call('delete', '/debtors/{id}/special-management', { path: { id } })),
        )}
      >
        <FormStatus action={action} fields={[]} />
        <div>
          <button type="submit" disabled={action.busy}>
            {t.actions.endSpecial}
          </button>
        </div>
      </form>
    );
  const save = () =>
    action.run(() =>
      api.call('post', '/debtors/{id}/special-management', {
        path: { id },
        body: { reason, ...(note ? { note } : {}) },
      }),
    );
  return (
    <form class="form" onSubmit={submitted(() => void save())}>
      <Field label={t.actions.specialReason} name="reason" action={action}>
        {(a) => (
          <select
            {...a}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value as typeof reason)}
          >
            {Object.entries(t.specialReasons).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextAreaField label={t.actions.noteField} name="note" action={action} value={note} onValue={setNote} />
      <FormStatus action={action} fields={['reason', 'note']} />
      <div>
        <button type="submit" disabled={action.busy}>
          {t.actions.startSpecial}
        </button>
      </div>
    </form>
  );
}
