// Publication dates as pages write them, and the inference for pages that state none.
import { describe, expect, it } from 'vitest';
import { findDate, findDates, inferPublished, inferYear, isoDate } from '../../../shared/ingest/dates';
import { statedPublished } from '../../../shared/ingest/metadata';
import { classifyBlocks } from '../../../shared/ingest/boilerplate';
import { parseText } from '../../../shared/ingest/text';
import { parseHtml } from '../../../shared/ingest/html';
import { parseMarkdown } from '../../../shared/ingest/markdown';
import type { ParsedPage } from '../../../shared/ingest/types';

const stated = (page: ParsedPage) => statedPublished(page, classifyBlocks(page.blocks));

describe('findDate', () => {
  it.each([
    ['28.01.2016  07:24', '2016-01-28', '28.01.2016'],
    ['28-01-2016', '2016-01-28', '28-01-2016'],
    ['2019-06-06', '2019-06-06', '2019-06-06'],
    ['来源:北京市发展和改革委员会 浏览(127) 2019-06-06', '2019-06-06', '2019-06-06'],
    ['2019/6/6 10:00', '2019-06-06', '2019/6/6'],
    ['2019.06.06', '2019-06-06', '2019.06.06'],
    ['2022年3月16日', '2022-03-16', '2022年3月16日'],
    ['2020年05月22日 09:14 人民网', '2020-05-22', '2020年05月22日'],
    ['2022 年 3 月 16 号', '2022-03-16', '2022 年 3 月 16 号'],
    ['二〇二二年三月十六日', '2022-03-16', '二〇二二年三月十六日'],
    ['二〇一九年十二月三十一日', '2019-12-31', '二〇一九年十二月三十一日'],
    ['date: 2019-02-22- 07:31', '2019-02-22', '2019-02-22'],
    ['2019-06-06T02:00:00+08:00', '2019-06-06', '2019-06-06'],
    ['01/28/2016', '2016-01-28', '01/28/2016'],
    ['28/01/2016', '2016-01-28', '28/01/2016'],
  ])('reads %j as %s', (text, date, words) => {
    expect(findDate(text)).toMatchObject({ date, text: words });
  });

  it('rejects impossible dates and partial ones', () => {
    for (const text of [
      '2019-02-30',
      '2019年13月1日',
      '31.04.2016',
      '3月16日',
      '2019年',
      '版本 1.2.3',
      '电话 010-6515-3456',
    ]) {
      expect(findDate(text)).toBeNull();
    }
    expect(isoDate(2020, 2, 29)).toBe('2020-02-29');
    expect(isoDate(2019, 2, 29)).toBeNull();
  });

  it('lists every date of a text in order', () => {
    expect(findDates('2019年1月16日至2019-01-18').map((d) => d.date)).toEqual(['2019-01-16', '2019-01-18']);
  });
});

describe('stated publication date', () => {
  it('comes from a date line in the page head, not from dates in the prose', () => {
    const page = parseText(
      '标题\n\n2022年3月16日\n\n会议于2021年12月1日召开，全体人员参加了会议并发表讲话，会议取得圆满成功。',
    );
    expect(stated(page)).toMatchObject({ from: '2022-03-16', status: 'detected' });
    const noHead = parseText('标题\n\n会议于2021年12月1日召开，全体人员参加了会议并发表讲话，会议取得圆满成功。');
    expect(stated(noHead)).toBeNull();
  });

  it('comes from HTML meta tags and <time>', () => {
    const meta = parseHtml('<meta property="article:published_time" content="2019-06-06T10:00:00+08:00"><p>正文</p>');
    expect(stated(meta)).toMatchObject({ from: '2019-06-06' });
    const pubdate = parseHtml('<meta name="PubDate" content="2018-07-18 10:00"><p>正文</p>');
    expect(stated(pubdate)).toMatchObject({ from: '2018-07-18' });
    const time = parseHtml('<article><time datetime="2021-03-05">3月5日</time><p>正文</p></article>');
    expect(stated(time)).toMatchObject({ from: '2021-03-05' });
    const ld = parseHtml(
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-05-22T09:14:00+08:00"}</script><p>x</p>',
    );
    expect(stated(ld)).toMatchObject({ from: '2020-05-22' });
  });

  it('comes from front matter, tolerating "2019-02-22- 07:31"', () => {
    expect(stated(parseMarkdown('---\ndate: 2019-02-22- 07:31\n---\n正文'))).toMatchObject({ from: '2019-02-22' });
    expect(stated(parseMarkdown('---\ndate: 2019-02-22\n---\n正文'))).toMatchObject({ from: '2019-02-22' });
  });

  it('falls back to a labelled date line in the footer', () => {
    const page = parseText(
      '标题\n\n这是正文的第一段，内容足够长，可以被识别为文章的正文部分。\n\n发布日期：2019-06-06\n\n京ICP备00000000号',
    );
    expect(stated(page)).toMatchObject({ from: '2019-06-06' });
  });
});

describe('inferred publication date', () => {
  it('takes the day from "今天(2月7日)" and the year the text points at (seed 003)', () => {
    const d = inferPublished([
      '这绝不是空话。就在今天(2月7日),本市部署向城市副中心派驻工作专班工作。',
      '这23个部门将组成工作小组,今年3月1日前实现与通州区工作对接。',
      '2017年底四大市级机关和相关市属行政部门率先启动搬迁。',
      '在2016年初就成立了副中心水务工程建设前期工作部。',
      '体现了北京“2017年底”时间关口“后墙不倒”的坚定决心。',
    ]);
    expect(d).toEqual({
      from: '2017-02-07',
      to: '2017-02-07',
      precision: 'day',
      text: '今天(2月7日)；2017年底',
      status: 'inferred',
    });
  });

  it('shifts by a day for "昨天(…)"', () => {
    expect(inferPublished(['昨天（3月15日），会议召开。', '2022年底前完成任务。'])).toMatchObject({
      from: '2022-03-16',
    });
  });

  it('uses a wire dateline near the top', () => {
    expect(
      inferPublished(['新华社北京7月3日电 国务院国资委最新数据显示，2023年1至5月中央企业投资增长。']),
    ).toMatchObject({
      from: '2023-07-03',
      status: 'inferred',
    });
  });

  it('ignores ranges and plan horizons when choosing the year', () => {
    expect(inferYear('京津冀协同发展三年工作要点(2015年-2017年)，已规划至2030年；2016年全面推进。')).toMatchObject({
      year: 2016,
    });
    expect(inferYear('没有年份')).toBeNull();
  });

  it('proposes nothing without a day or without a year', () => {
    expect(inferPublished(['2017年底完成。'])).toBeNull();
    expect(inferPublished(['就在今天(2月7日),本市部署工作。'])).toBeNull();
  });
});
