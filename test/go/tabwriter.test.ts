import { describe, expect, it } from 'vitest';
import { TabWriter, tabwrite } from '../../src/go/tabwriter.js';

// Expected outputs marked "kubectl" were produced by the real kubectl 1.32 binary. Arbitrary text was fed
// into its tab writer through `kubectl config get-contexts`, whose context names may hold tabs, newlines
// and form feeds; each row there is `<*| >\t<name>\t<cluster>\t<user>\t<namespace>\n`, under the header row.
const HEADER = 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';

describe('tabwrite: kubectl command output', () => {
  it('top pod --sum: every cell is tab-terminated, so every line has trailing spaces (spec §1.9)', () => {
    const input =
      'NAME\tCPU(cores)\tMEMORY(bytes)\t\n' +
      'api-server-long-name-abc\t1000m\t1024Mi\t\n' +
      'db-0\t125m\t512Mi\t\n' +
      'web-7d9c\t252m\t74Mi\t\n' +
      'zz-tiny\t0m\t1Mi\t\n' +
      '\t________\t________\t\n' +
      '\t1377m\t1611Mi\t\n';
    expect(tabwrite(input)).toBe(
      'NAME                       CPU(cores)   MEMORY(bytes)   \n' +
        'api-server-long-name-abc   1000m        1024Mi          \n' +
        'db-0                       125m         512Mi           \n' +
        'web-7d9c                   252m         74Mi            \n' +
        'zz-tiny                    0m           1Mi             \n' +
        '                           ________     ________        \n' +
        '                           1377m        1611Mi          \n',
    );
  });

  it('top node (spec §1.9)', () => {
    const input =
      'NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n' +
      'node-a\t1200m\t40%\t3072Mi\t42%\t\n' +
      'node-b\t350m\t18%\t2048Mi\t40%\t\n' +
      'node-c-no-metrics\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n';
    expect(tabwrite(input)).toBe(
      'NAME                CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \n' +
        'node-a              1200m        40%         3072Mi          42%         \n' +
        'node-b              350m         18%         2048Mi          40%         \n' +
        'node-c-no-metrics   <unknown>    <unknown>   <unknown>       <unknown>   \n',
    );
  });

  it('events: the last column is not tab-terminated, so there are no trailing spaces (spec §3.2)', () => {
    const input =
      'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n' +
      '9d\tNormal\tScalingReplicaSet\tDeployment/web\tScaled up replica set web-7d9c to 1\n' +
      '4m2s\tNormal\tScheduled\tPod/web-7d9c\tSuccessfully assigned default/web-7d9c to node-a\n' +
      '3m (x42 over 3h20m)\tWarning\tBackOff\tPod/web-7d9c\tBack-off restarting failed container\n' +
      '101s (x7 over 2d)\tWarning\tFailedMount\tPod/db-0\tMountVolume.SetUp failed\n' +
      '62s\tNormal\tPulled\tPod/web-7d9c\tContainer image pulled\n';
    expect(tabwrite(input)).toBe(
      'LAST SEEN             TYPE      REASON              OBJECT           MESSAGE\n' +
        '9d                    Normal    ScalingReplicaSet   Deployment/web   Scaled up replica set web-7d9c to 1\n' +
        '4m2s                  Normal    Scheduled           Pod/web-7d9c     Successfully assigned default/web-7d9c to node-a\n' +
        '3m (x42 over 3h20m)   Warning   BackOff             Pod/web-7d9c     Back-off restarting failed container\n' +
        '101s (x7 over 2d)     Warning   FailedMount         Pod/db-0         MountVolume.SetUp failed\n' +
        '62s                   Normal    Pulled              Pod/web-7d9c     Container image pulled\n',
    );
  });
});

describe('tabwrite: cases checked against kubectl 1.32', () => {
  const cases: Array<{ name: string; input: string; expected: string }> = [
    {
      name: 'minimum width 6, padding 3',
      input: HEADER + '*\ta\tb\tc\td\n',
      expected: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         a      b         c          d\n',
    },
    {
      name: 'width counts code points: precomposed Latin, CJK, emoji (one each), empty cells padded',
      input:
        HEADER +
        ' \ta\tb\nxx\tyyyyyyyyyy\tz\nq\tc3\tu3\t\n' +
        '*\tctx-\u00fcn\u00efc\u00f8d\u00e9\tc1\tu\tns\n' +
        ' \t\u65e5\u672c\u8a9e\tc2\u{1F600}x\t\t\n',
      expected:
        'CURRENT   NAME          CLUSTER   AUTHINFO   NAMESPACE\n' +
        '          a             b\n' +
        'xx        yyyyyyyyyy    z\n' +
        'q         c3            u3        \n' +
        '*         ctx-\u00fcn\u00efc\u00f8d\u00e9   c1        u          ns\n' +
        '          \u65e5\u672c\u8a9e           c2\u{1F600}x                 \n',
    },
    {
      name: 'an emoji is one column, not two UTF-16 units',
      input: HEADER + '*\t\f\u{1F600}\u{1F600}\u{1F600}\tx\nab\ty\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n\u{1F600}\u{1F600}\u{1F600}       x\nab        y\n          c      u         n\n',
    },
    {
      name: 'a combining mark counts as its own code point',
      input: HEADER + '*\t\fe\u0301\tx\nab\ty\n\tc\tu\tn\n',
      expected: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \ne\u0301        x\nab        y\n          c      u         n\n',
    },
    {
      name: "Go's doc example: b and c are distinct column blocks (cut by a shorter line)",
      input: HEADER + '*\t\faaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n' +
        'aaaa      bbb    d\naa        b      dd\na         \naa        cccc   eee\n          c      u         n\n',
    },
    {
      name: 'rows with fewer cells end the block of the columns they lack',
      input: HEADER + '*\t\fa\tb\tc\nd\te\nf\tlonglonglonglong\tg\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n' +
        'a         b      c\nd         e\nf         longlonglonglong   g\n          c                  u         n\n',
    },
    {
      name: 'a wide cell in a short row widens only its own column',
      input: HEADER + '*\t\f1\t2\t3\nlonger-first-column\t\nx\t2\t3\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n' +
        '1                     2      3\nlonger-first-column   \nx                     2      3\n                      c      u         n\n',
    },
    {
      name: 'lines without a tab are printed as-is and flush',
      input: HEADER + '*\t\fno tabs here\nstill none\nx\ty\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \nno tabs here\nstill none\nx         y\n          c      u         n\n',
    },
    {
      name: 'a one-cell line splits the column blocks around it',
      input: HEADER + '*\t\fw\tx\ty\tz\nw\nw\tx\ty\tz\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n' +
        'w         x      y         z\nw\nw         x      y         z\n          c      u         n\n',
    },
    {
      name: 'remembered widths apply to later blocks of the same column',
      input: HEADER + '*\t\fsame\nw\tx\ty\tz\nwwwwwwwwwwwwwwwwwwwww\tx\nw\tx\ty\tzzzzzzzzzzzzzzzzzz\tq\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \nsame\n' +
        'w                       x      y         z\n' +
        'wwwwwwwwwwwwwwwwwwwww   x\n' +
        'w                       x      y         zzzzzzzzzzzzzzzzzz   q\n' +
        '                        c      u         n\n',
    },
    {
      name: 'empty cells in the middle and trailing tab-terminated cells',
      input: HEADER + '*\t\f1\t22\t333\t\n4444\t55555\t\n\f7\t\t\t\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n' +
        '1         22      333       \n4444      55555   \n\n7                           \n          c       u         n\n',
    },
    {
      name: 'only empty cells',
      input: HEADER + '*\t\f\t\t\n\t\t\n\t\t\t\n',
      expected: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n                 \n                 \n                           \n',
    },
    {
      name: 'form feed: a line break that flushes, printed as a newline; widths carry over',
      input: HEADER + '*\t\fa\tb\n\fccccccccccc\td\n\fe\tf\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \n' +
        'a         b\n\nccccccccccc   d\n\ne             f\n              c      u         n\n',
    },
    {
      name: 'vertical tab terminates a cell like a tab',
      input: HEADER + '*\t\fa\vb\tc\nd\ve\tf\n\tc\tu\tn\n',
      expected:
        'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         \na         b      c\nd         e      f\n          c      u         n\n',
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(tabwrite(input)).toBe(expected);
  });

  it.each(cases)('$name (written one UTF-16 unit at a time)', ({ input, expected }) => {
    const w = new TabWriter();
    for (let i = 0; i < input.length; i++) w.write(input.charAt(i));
    expect(w.flush()).toBe(expected);
  });
});

describe('tabwrite: text without a final newline', () => {
  it.each([
    { input: '', expected: '' },
    { input: 'plain', expected: 'plain' },
    { input: 'a\tb', expected: 'a     b' },
    // A tab-terminated cell on an unfinished last line is that line's last cell, so it is not padded.
    { input: 'a\t', expected: 'a' },
    { input: 'a\tb\nccc\t', expected: 'a     b\nccc' },
    { input: 'a\tb\nc\td', expected: 'a     b\nc     d' },
    { input: '\n', expected: '\n' },
    { input: 'a\n\nb\n', expected: 'a\n\nb\n' },
  ])('$input', ({ input, expected }) => {
    expect(tabwrite(input)).toBe(expected);
  });
});

describe('TabWriter: flushes and remembered widths (events --watch)', () => {
  it('columns only grow across flushes', () => {
    const w = new TabWriter();
    w.write('LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n');
    expect(w.flush()).toBe('LAST SEEN   TYPE   REASON   OBJECT   MESSAGE\n');

    w.write('5s\tNormal\tPulled\tPod/a\tok\n');
    expect(w.flush()).toBe('5s          Normal   Pulled   Pod/a    ok\n');

    w.write('62s\tWarning\tBackOff\tPod/web-7d9c\tBack-off\n');
    expect(w.flush()).toBe('62s         Warning   BackOff   Pod/web-7d9c   Back-off\n');

    // Narrow again, but the columns keep the widest width seen so far.
    w.write('1s\tNormal\tPulled\tPod/a\tok\n');
    expect(w.flush()).toBe('1s          Normal    Pulled    Pod/a          ok\n');
  });

  it('a fresh writer does not remember: the same row alone is narrower', () => {
    expect(tabwrite('1s\tNormal\tPulled\tPod/a\tok\n')).toBe('1s    Normal   Pulled   Pod/a   ok\n');
  });

  it('remembered widths are per column index, even when the header has fewer columns', () => {
    const w = new TabWriter();
    w.write('aaaaaaaaaa\tb\n');
    expect(w.flush()).toBe('aaaaaaaaaa   b\n');
    w.write('x\ty\tz\n');
    expect(w.flush()).toBe('x            y     z\n');
  });

  it('write() keeps output from implicit flushes until flush() hands it out', () => {
    const w = new TabWriter();
    w.write('a\tb\nno tab\n');
    w.write('c\td\n');
    expect(w.flush()).toBe('a     b\nno tab\nc     d\n');
    expect(w.flush()).toBe('');
  });

  it('a cell may be split across write() calls, even inside a surrogate pair', () => {
    const w = new TabWriter();
    const emoji = '\u{1F600}';
    w.write('x\tlong-cell-');
    w.write(`${emoji.charAt(0)}`);
    w.write(`${emoji.charAt(1)}\tend\nyy\tz\tend\n`);
    expect(w.flush()).toBe(`x     long-cell-${emoji}   end\nyy    z             end\n`);
  });
});

describe('TabWriter options', () => {
  it.each([
    { options: { minWidth: 0, padding: 1 }, expected: 'a   b\nccc d\n' },
    { options: { minWidth: 0, padding: 0 }, expected: 'a  b\ncccd\n' },
    { options: { minWidth: 8, padding: 1 }, expected: 'a       b\nccc     d\n' },
    { options: { tabWidth: 8 }, expected: 'a     b\nccc   d\n' },
  ])('$options', ({ options, expected }) => {
    const w = new TabWriter(options);
    w.write('a\tb\nccc\td\n');
    expect(w.flush()).toBe(expected);
  });

  it.each([{ minWidth: -1 }, { padding: -1 }, { tabWidth: -1 }, { padding: 1.5 }])('rejects %o', (options) => {
    expect(() => new TabWriter(options)).toThrow(RangeError);
  });
});
